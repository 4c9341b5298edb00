using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard.Pages;

/// <summary>The API key form: the same keys as the API; an admin key sees every job, a client key its own.</summary>
public static class LoginPage
{
    public static string Render(string? returnTo, string? error) => $"""
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
        <form class="login" method="post" action="/dashboard/login">
        <input type="hidden" name="return" value="{E(returnTo)}">
        <label>API key <input type="password" name="key" autocomplete="current-password" required autofocus></label>
        <button type="submit">Sign in</button>
        </form>
        """;
}
