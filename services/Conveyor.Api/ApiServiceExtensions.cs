using Conveyor.Api.Endpoints;
using Conveyor.Api.Endpoints.Infernet;
using Conveyor.Api.Endpoints.Nexapod;
using Conveyor.Api.Dashboard;
using Conveyor.Api.Endpoints.Nosana;
using Conveyor.Api.Endpoints.V1;
using Conveyor.Api.Executors;
using Conveyor.Api.Http;
using Conveyor.Api.Metrics;
using Conveyor.Api.Queries;
using Conveyor.Api.Security;
using Conveyor.Api.Streams;
using Conveyor.Api.Submissions;
using Conveyor.Api.Subscriptions;
using Conveyor.Messaging;
using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Conveyor.Webhooks;
using Conveyor.Webhooks.Routing;
using OpenTelemetry.Metrics;

namespace Conveyor.Api;

public static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        SurfaceAddresses.Add(builder);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.ConfigureEndpointDefaults(listen => listen.ShapeRejections());
        });
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddConveyorPersistence(builder.Configuration).AddConveyorMigrations();
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Keys.All(ApiKeyOptions.IsValid), "every Api:Keys entry needs a Name (1-200 characters) and a Sha256 of 64 hex digits").ValidateOnStart();
        services.AddSingleton<JobQueries>();
        services.AddSingleton<JobListQueries>();
        services.AddSingleton<StatsQueries>();
        services.AddSingleton<JobOwnership>();
        services.AddSingleton<ApiKeyStore>();
        services.AddScoped<JobClaimer>();
        services.AddSingleton<AttemptHolders>();
        services.AddSingleton<HttpExecutorPresence>();
        services.AddSingleton<JobMetricsQueries>();
        services.AddSingleton<JobGauges>();
        // Created with the meter provider, so that the gauges exist before the first scrape.
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInstrumentation(provider => provider.GetRequiredService<JobGauges>()));
        services.AddSingleton<ExecutorQueries>();
        services.AddOptions<WebhookTargetOptions>().Bind(builder.Configuration.GetSection(WebhookTargetOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubscriptionQueries>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<WebhookEventBindings>();
        services.AddSingleton<JobSnapshots>();
        services.AddSingleton<LiveEventQueue>();
        services.AddSingleton<LiveEventRouting>();
        services.AddSingleton<LiveEventHub>();
        services.AddHostedService<FinishedJobLogSweeper>();
        services.AddSingleton<SubmissionBatcher>();
        services.AddOptions<InfernetOptions>().Bind(builder.Configuration.GetSection(InfernetOptions.Section))
            .Validate(InfernetConfiguration.IsValid, InfernetConfiguration.Rules).ValidateOnStart();
        services.AddSingleton<InfernetResults>();
        services.AddOptions<NexapodOptions>().Bind(builder.Configuration.GetSection(NexapodOptions.Section));
        services.AddSingleton<NexapodNodes>();
        services.AddSingleton<NexapodJobs>();
        services.AddOptions<NosanaOptions>().Bind(builder.Configuration.GetSection(NosanaOptions.Section));
        services.AddSingleton<NosanaResults>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<NosanaStrictSignature>();
        services.AddSingleton<NosanaAuthorization>();
        services.AddSingleton<NosanaServices>();
        services.AddSingleton<NosanaJobFeed>();
        services.AddSingleton<RecentJobLogs>();
        services.AddSingleton<JobRetries>();
        services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section));
        services.AddSingleton<DashboardSession>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<NosanaStreams>();
        services.AddSingleton<NosanaServiceProxy>();
        services.AddHttpClient(NosanaServiceProxy.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
        });
        services.AddHostedService(provider => provider.GetRequiredService<SubmissionBatcher>());
        services.AddConveyorMessaging(builder.Configuration, LiveEvents.Register);
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseMiddleware<ErrorShapeMiddleware>();
        app.UseMiddleware<QueryTextMiddleware>();
        // Nosana's node streams over a WebSocket on the API's own port.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapNativeApi();
        app.MapInfernetApi();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NexapodOptions>>().Value.Enabled)
            app.MapNexapodApi();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NosanaOptions>>().Value.Enabled)
            app.MapNosanaApi();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value.Enabled)
            app.MapDashboard();
        return app;
    }
}
