using Npgsql;

namespace Conveyor.Persistence;

/// <summary>
/// Lets Npgsql prepare the statements a connection runs again and again, unless the connection string says otherwise
/// (<c>Max Auto Prepare</c>). Every saga message, outbox delete and subscription lookup is one of a few dozen statement
/// shapes; unprepared, PostgreSQL parsed and planned each of them every time, which was a visible part of its CPU per job.
/// </summary>
internal static class StatementPreparation
{
    const int MaxPrepared = 64;

    public static void UnlessConfigured(NpgsqlDataSourceBuilder dataSource)
    {
        var settings = dataSource.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare > 0)
            return;
        settings.MaxAutoPrepare = MaxPrepared;
        settings.AutoPrepareMinUsages = 2;
    }
}
