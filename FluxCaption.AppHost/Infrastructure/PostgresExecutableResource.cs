namespace FluxCaption.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL run from the machine's binaries (executable mode). Its connection string names the
/// database and carries the generated password, so projects reference it directly under the database's
/// connection name.
/// </summary>
public sealed class PostgresExecutableResource(string name, string command, string workingDirectory, string databaseName, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public string DatabaseName { get; } = databaseName;

    public EndpointReference PrimaryEndpoint => field ??= new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={password};Database={DatabaseName}");
}
