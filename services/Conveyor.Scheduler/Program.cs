using Conveyor.Scheduler;
using Conveyor.Scheduler.Schema;
using Conveyor.ServiceDefaults;

if (MigrateCommand.IsRequested(args))
    return await MigrateCommand.Run(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScheduler();

var app = builder.Build();
app.MapServiceDefaults();
await app.RunAsync();
return 0;
