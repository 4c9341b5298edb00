namespace Conveyor.Api.Security;

/// <summary>The caller the key check found, carried on the request; the local admin when keys are off.</summary>
public static class CallerContext
{
    const string Key = "conveyor.caller";

    public static ApiCaller Caller(this HttpContext context) => context.Items[Key] as ApiCaller ?? ApiCaller.Local;

    public static void SetCaller(this HttpContext context, ApiCaller caller) => context.Items[Key] = caller;
}
