using Conveyor.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Conveyor.Api.Tests.Parsing;

/// <summary>What a parser's refusal says: the status, the sentence and the field, as the client will read them.</summary>
public static class ParsedError
{
    public static (int Status, string Error, string? Field) Of(IResult result)
    {
        var value = Assert.IsAssignableFrom<IValueHttpResult>(result).Value;
        var error = Assert.IsType<ApiError>(value);
        var status = Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode ?? 0;
        return (status, error.Error, error.Context.TryGetValue("field", out var field) ? field as string : null);
    }
}
