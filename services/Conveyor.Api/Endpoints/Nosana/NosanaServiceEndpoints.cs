using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// <c>GET /service/url/:jobId</c>: where a job's exposed port answers. A public service's URL is its executor's address,
/// told to any signed caller; a private one is reached through this API at <c>/service/proxy/:jobId/:token/</c>, the
/// 128-bit token shown only to the job's owner. Either is answered only once the port accepts connections.
/// </summary>
public static class NosanaServiceEndpoints
{
    public const string NoUrl = "No exposed url for job id";

    public static WebApplication MapNosanaServices(this WebApplication app)
    {
        app.MapGet("/service/url/{jobId}", Url);
        app.Map("/service/proxy/{jobId}/{token}/{**rest}", Proxy);
        return app;
    }

    static async Task<IResult> Url(string jobId, HttpContext context, IOptions<NosanaOptions> options, NosanaAuthorization authorization,
        NosanaServices services, CancellationToken cancellationToken)
    {
        if (await authorization.Check(context, options.Value) is { } refused)
            return refused;
        if (!NosanaJobId.IsValid(jobId) || await services.Find(NosanaJobId.ToJobId(jobId), cancellationToken) is not { } service)
            return NosanaText.Of(StatusCodes.Status400BadRequest, NoUrl);
        if (service.Token is not null && service.Owner != NosanaAuthorization.Signer(context))
            return NosanaText.Of(StatusCodes.Status403Forbidden, "Invalid address");
        if (service.Url is null)
            return NosanaText.Of(StatusCodes.Status400BadRequest, NoUrl);
        var request = context.Request;
        var url = service.Token is null
            ? service.Url
            : $"{request.Scheme}://{request.Host}/service/proxy/{Uri.EscapeDataString(jobId)}/{service.Token}/";
        return NosanaText.Of(StatusCodes.Status200OK, url);
    }

    /// <summary>A private service, forwarded while its job runs; a wrong token is as unknown as a wrong id.</summary>
    static async Task Proxy(string jobId, string token, string? rest, HttpContext context, NosanaServices services, NosanaServiceProxy proxy)
    {
        var service = NosanaJobId.IsValid(jobId) ? await services.Find(NosanaJobId.ToJobId(jobId), context.RequestAborted) : null;
        if (service is not { Token: { } expected, Url: { } url } || !Same(expected, token))
        {
            await NosanaText.Of(StatusCodes.Status404NotFound, NoUrl).ExecuteAsync(context);
            return;
        }
        await proxy.Forward(context, new Uri(new Uri(url.TrimEnd('/') + "/"), (rest ?? "") + context.Request.QueryString));
    }

    static bool Same(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
