namespace Conveyor.Api.Security;

/// <summary>
/// The dashboard keeps the API key it signed in with in this cookie (HttpOnly, SameSite=Strict), and the native API
/// takes it when a request brings no key header, so that the dashboard's live streams and buttons act as that key. A
/// request that changes something is taken only from this site: SameSite keeps the cookie from other sites' requests,
/// and an <c>Origin</c> naming another site is refused besides.
/// </summary>
public static class KeyCookie
{
    public const string Name = "conveyor_key";

    public static string? Read(HttpRequest request)
    {
        var key = request.Cookies[Name];
        if (string.IsNullOrEmpty(key))
            return null;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            return key;
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase) ? key : null;
    }
}
