namespace Conveyor.Api.Http;

/// <summary>
/// Refuses a query string whose names or values the database could not compare against (see <see cref="StorableText"/>):
/// <c>?type=%00</c> would otherwise reach PostgreSQL and fail there as a fault rather than as bad input.
/// </summary>
public sealed class QueryTextMiddleware(RequestDelegate next)
{
    public Task Invoke(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (!StorableText.IsStorable(name))
                return ApiError.BadRequest($"a query parameter name {StorableText.Problem}", "query").ExecuteAsync(context);
            foreach (var value in values)
            {
                if (!StorableText.IsStorable(value))
                    return ApiError.BadRequest($"{name} {StorableText.Problem}", name).ExecuteAsync(context);
            }
        }
        return next(context);
    }
}
