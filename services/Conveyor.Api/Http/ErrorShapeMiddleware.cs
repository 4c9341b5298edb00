using Conveyor.Messaging.Topology;

namespace Conveyor.Api.Http;

/// <summary>
/// Turns anything that escapes an endpoint into the documented error shape: oversize bodies are 413, other bad requests
/// from the server itself are 400, and only a real fault is a 500 (logged, with no internals in the answer).
/// Unknown routes and methods get the same shape.
/// </summary>
public sealed class ErrorShapeMiddleware(RequestDelegate next, ILogger<ErrorShapeMiddleware> logger)
{
    public async Task Invoke(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var error = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request body is too large" : ex.Message;
            await ApiError.Result(ex.StatusCode, error).ExecuteAsync(context);
            return;
        }
        catch (MassTransit.RequestTimeoutException) when (!context.Response.HasStarted)
        {
            await ApiError.Result(StatusCodes.Status503ServiceUnavailable, "the scheduler did not answer in time; try again").ExecuteAsync(context);
            return;
        }
        catch (RoutingUnavailableException) when (!context.Response.HasStarted)
        {
            await ApiError.Result(StatusCodes.Status503ServiceUnavailable, "the broker is unavailable; try again").ExecuteAsync(context);
            return;
        }
        catch (System.Data.Common.DbException ex) when (!context.Response.HasStarted)
        {
            logger.LogWarning("Database unavailable on {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, ex.Message);
            await ApiError.Result(StatusCodes.Status503ServiceUnavailable, "the database is unavailable; try again").ExecuteAsync(context);
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await ApiError.Result(StatusCodes.Status500InternalServerError, "internal server error").ExecuteAsync(context);
            return;
        }

        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } && context.Response.ContentType is null)
        {
            var error = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "no such endpoint",
                StatusCodes.Status405MethodNotAllowed => "method not allowed on this endpoint",
                _ => "request failed",
            };
            await ApiError.Result(context.Response.StatusCode, error,
                new Dictionary<string, object?> { ["path"] = context.Request.Path.Value, ["method"] = context.Request.Method }).ExecuteAsync(context);
        }
    }
}
