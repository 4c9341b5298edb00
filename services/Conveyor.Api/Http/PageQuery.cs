namespace Conveyor.Api.Http;

/// <summary>Seed 003's pagination: <c>limit</c> (default 100, at most 1000) and <c>offset</c> (default 0).</summary>
public static class PageQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static bool TryParse(HttpRequest request, out int limit, out int offset, out IResult error)
    {
        limit = DefaultLimit;
        offset = 0;
        error = null!;
        if (request.Query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit is < 1 or > MaxLimit))
        {
            error = ApiError.BadRequest($"limit must be an integer from 1 to {MaxLimit}", "limit");
            return false;
        }
        if (request.Query.TryGetValue("offset", out var offsetText) && (!int.TryParse(offsetText, out offset) || offset < 0))
        {
            error = ApiError.BadRequest("offset must be a non-negative integer", "offset");
            return false;
        }
        return true;
    }
}
