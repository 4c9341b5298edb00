using Conveyor.Api.Security;

namespace Conveyor.Api.Dashboard;

/// <summary>
/// Who is looking at the dashboard. With API keys off, the local admin. With keys on, the key entered at
/// <c>/dashboard/login</c>, kept in an HttpOnly, SameSite=Strict cookie that the native API also accepts, so that the
/// pages' live streams and buttons call the API as that key. Executor keys do not open the dashboard.
/// </summary>
public sealed class DashboardSession(ApiKeyStore keys)
{
    public bool KeysEnabled => keys.Enabled;

    /// <returns>The caller, or null when the dashboard must ask for a key.</returns>
    public ApiCaller? Caller(HttpContext context)
    {
        if (!keys.Enabled)
            return ApiCaller.Local;
        var key = ApiKeyMiddleware.PresentedKey(context.Request) ?? KeyCookie.Read(context.Request);
        return key is not null && keys.TryFind(key, out var caller) && caller.Role != ApiRole.Executor ? caller : null;
    }

    /// <returns>The caller the key names, or null when it opens nothing here.</returns>
    public ApiCaller? SignIn(HttpContext context, string key)
    {
        if (!keys.TryFind(key, out var caller) || caller.Role == ApiRole.Executor)
            return null;
        context.Response.Cookies.Append(KeyCookie.Name, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
        return caller;
    }

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(KeyCookie.Name, new CookieOptions { Path = "/" });
}
