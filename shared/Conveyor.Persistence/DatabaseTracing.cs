using System.Diagnostics;
using Npgsql;

namespace Conveyor.Persistence;

/// <summary>
/// Npgsql traces only the commands that run inside traced work (a request, a message, an outbox delivery). The
/// background loops (outbox dispatch, supervision sweeps, webhook delivery claims) poll every second or so; each poll
/// would otherwise be a trace of its own and bury the jobs' traces.
/// </summary>
public static class DatabaseTracing
{
    public static void OnlyWithinTracedWork(NpgsqlDataSourceBuilder dataSource) => dataSource.ConfigureTracing(tracing => tracing
        .ConfigureCommandFilter(_ => Activity.Current is not null)
        .ConfigureBatchFilter(_ => Activity.Current is not null));
}
