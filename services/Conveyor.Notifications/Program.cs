using Conveyor.Notifications;
using Conveyor.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotifications();

var app = builder.Build();
app.MapServiceDefaults();
app.Run();
