namespace Conveyor.Api.Endpoints.Nexapod;

/// <summary>NEXAPod's error shape, <c>{"error": string}</c>, as its coordinator answers.</summary>
public static class NexapodError
{
    public static IResult Of(int status, string error) => Results.Json(new Dictionary<string, string> { ["error"] = error }, statusCode: status);

    public static IResult BadRequest(string error) => Of(StatusCodes.Status400BadRequest, error);
}
