using Conveyor.ExampleSubscriber;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Hears Conveyor's job outcomes straight from RabbitMQ. Conveyor publishes each event to a fanout exchange named after
// its contract type (e.g. "Conveyor.Contracts.Jobs:JobCompleted"); this program's own durable queue is bound to the
// exchanges of the events it consumes, so it gets every one of them, also those published while it was stopped.
var builder = Host.CreateApplicationBuilder(args);
var rabbit = builder.Configuration.GetSection("RabbitMq");
var queue = builder.Configuration["Subscriber:Queue"] ?? "example-subscriber";

builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
builder.Services.AddMassTransit(bus =>
{
    bus.DisableUsageTelemetry();
    bus.AddConsumer<JobOutcomePrinter>().Endpoint(endpoint => endpoint.Name = queue);
    bus.UsingRabbitMq((context, transport) =>
    {
        transport.Host(rabbit["Host"] ?? "127.0.0.1", ushort.Parse(rabbit["Port"] ?? "5672"), rabbit["VirtualHost"] ?? "/", host =>
        {
            host.Username(rabbit["Username"] ?? "conveyor");
            host.Password(rabbit["Password"] ?? "conveyor");
        });
        transport.ConfigureEndpoints(context);
    });
});

var app = builder.Build();
app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => Console.WriteLine($"listening on queue {queue}"));
app.Run();
