// The FluxCaption distributed application. Every call here is one listed in
// shared/reference/aspire.md (checked against the Aspire 13.5 sources); this project cannot be
// restored on machines without the Aspire packages, so it is kept out of FluxCaption.Ci.slnf.
var builder = DistributedApplication.CreateBuilder(args);
var config = builder.Configuration;

var modelName = config["FluxCaption:OllamaModel"] ?? "qwen2.5:7b-instruct";
var workerReplicas = int.TryParse(config["FluxCaption:WorkerReplicas"], out var replicas) && replicas > 0 ? replicas : 1;

var postgres = builder.AddPostgres("postgres").WithPgWeb();
if (builder.ExecutionContext.IsRunMode)
{
    postgres.WithDataVolume();
}

var database = postgres.AddDatabase("fluxcaption");

// A data volume turns on Redis persistence: stream entries survive a Redis restart.
var redis = builder.AddRedis("redis").WithDataVolume().WithRedisInsight();

var ollama = builder.AddOllama("ollama").WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
if (config["FluxCaption:OllamaGpu"] == "true")
{
    ollama.WithGPUSupport();
}

var llm = ollama.AddModel("llm", modelName);

var whisper = builder.AddContainer("whisper", "ghcr.io/speaches-ai/speaches", "latest-cpu")
    .WithHttpEndpoint(targetPort: 8000, name: "http");

// One key for the Api; the Web app calls the Api with it on the user's behalf.
var apiKey = builder.AddParameter("api-key", secret: true);

var migrations = builder.AddProject<Projects.FluxCaption_Api>("migrations")
    .WithArgs("migrate")
    .WithReference(database)
    .WaitFor(database);

var api = builder.AddProject<Projects.FluxCaption_Api>("api")
    .WithReference(database)
    .WithReference(redis)
    .WithReference(llm)
    .WithEnvironment("Api__Key", apiKey)
    .WaitFor(redis)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health");

// The Worker listens on HTTP only for /health and /alive; its launch profile gives every replica
// its own port, so replicas and the scheduler never collide on Kestrel's default.
builder.AddProject<Projects.FluxCaption_Worker>("worker")
    .WithReference(database)
    .WithReference(redis)
    .WithReference(llm)
    .WithEnvironment("Speech__Endpoint", whisper.GetEndpoint("http"))
    .WithEnvironment("Worker__Roles", "consumer")
    .WaitFor(redis)
    .WaitFor(llm)
    .WaitForCompletion(migrations)
    .WithReplicas(workerReplicas);

builder.AddProject<Projects.FluxCaption_Worker>("scheduler")
    .WithReference(database)
    .WithReference(redis)
    .WithEnvironment("Worker__Roles", "scheduler")
    .WaitFor(redis)
    .WaitForCompletion(migrations);

builder.AddProject<Projects.FluxCaption_Web>("web")
    .WithExternalHttpEndpoints()
    .WithReference(api)
    .WithEnvironment("FluxCaptionApi__ApiKey", apiKey)
    .WaitFor(api)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
