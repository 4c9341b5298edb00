using Conveyor.Executor;
using Conveyor.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddExecutor();

var app = builder.Build();
app.MapServiceDefaults();
app.Run();
