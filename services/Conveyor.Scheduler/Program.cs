using Conveyor.Scheduler;
using Conveyor.Scheduler.Schema;
using Conveyor.ServiceDefaults;

if (MigrateCommand.IsRequested(args))
{
    // Through Environment.ExitCode rather than a value returned from here: a Main that returns an int would overwrite the
    // code the bus watchdog sets (75, "start me again") when the service itself ends.
    Environment.ExitCode = await MigrateCommand.Run(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScheduler();

var app = builder.Build();
app.MapServiceDefaults();
app.Run();
