using Conveyor.Api;
using Conveyor.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApi();

var app = builder.Build();
app.MapApi();
app.MapServiceDefaults();
app.Run();
