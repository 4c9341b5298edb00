using Conveyor.Scheduler;
using Conveyor.Scheduler.Schema;
using Conveyor.ServiceDefaults;

if (MigrateCommand.IsRequested(args))
{
    // A failed migration throws, and the runtime exits non-zero. Main returns no value: one that returned an int would
    // overwrite the code the bus watchdog sets (75, "start me again") when the service itself ends.
    await MigrateCommand.Run(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScheduler();

var app = builder.Build();
app.MapServiceDefaults();
app.Run();
