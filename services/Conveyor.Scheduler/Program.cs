using Conveyor.Scheduler;
using Conveyor.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScheduler();

var app = builder.Build();
app.MapServiceDefaults();
app.Run();
