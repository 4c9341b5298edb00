using System.Text.Json;
using System.Text.Unicode;

namespace Conveyor.Api.Http;

/// <summary>
/// The one way every endpoint reads a JSON body. Bytes that are not UTF-8, text that is not JSON, and strings the
/// database cannot store are each a 400 that names the body (or the field), before any parser sees the document.
/// The size limit is Kestrel's (a 413 from <see cref="ErrorShapeMiddleware"/>).
/// </summary>
public static class RequestJson
{
    public static async Task<(JsonElement Body, IResult? Error)> Read(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
            return (default, BodyError("request body is not valid UTF-8", detail: null));

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return (default, BodyError("request body is not valid JSON", ex.Message));
        }
        if (UnstorableText.Find(body, "") is { } field)
            return (default, ApiError.BadRequest($"{(field.Length == 0 ? "the body" : field)} {StorableText.Problem}",
                field.Length == 0 ? "body" : field));
        return (body, null);
    }

    static IResult BodyError(string error, string? detail)
    {
        var context = new Dictionary<string, object?> { ["field"] = "body" };
        if (detail is not null)
            context["detail"] = detail;
        return ApiError.Result(StatusCodes.Status400BadRequest, error, context);
    }

    /// <summary>Walks the document for a string or property name the database would refuse.</summary>
    static class UnstorableText
    {
        /// <returns>The path of the first such value (<c>env_variables.KEY</c>, <c>arguments[2]</c>), or null.</returns>
        public static string? Find(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return Storable(element.GetString) ? null : path;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (Find(item, $"{path}[{index++}]") is { } found)
                            return found;
                    }
                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!Storable(() => property.Name))
                            return path.Length == 0 ? "body" : path;
                        var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                        if (Find(property.Value, name) is { } found)
                            return found;
                    }
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>An escaped lone surrogate cannot even be read as a string: that is unstorable too.</summary>
        static bool Storable(Func<string?> read)
        {
            try
            {
                return StorableText.IsStorable(read());
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
