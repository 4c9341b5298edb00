namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>The node answers everything but results in plain text.</summary>
public static class NosanaText
{
    public static IResult Of(int status, string text) => Results.Text(text, "text/plain; charset=utf-8", statusCode: status);
}
