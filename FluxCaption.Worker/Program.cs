using FluxCaption.Worker.Extensions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

// builder.AddServiceDefaults() goes here once FluxCaption.ServiceDefaults provides it.
builder.AddApplicationServices();

var app = builder.Build();

// app.MapDefaultEndpoints() replaces these two once ServiceDefaults provides it.
app.MapHealthChecks("/health");
app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false });

app.Run();

public partial class Program;
