using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

public static class PostgresSagaRepositoryExtensions
{
    /// <summary>Persists the saga in Conveyor's PostgreSQL database with a row lock per message.</summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, SagaStateMachineInstance
    {
        configurator.Repository(repository => repository
            .RegisterSagaRepository<TSaga, DbContext, SagaConsumeContextFactory<DbContext, TSaga>, PostgresSagaRepositoryContextFactory<TSaga>>());
        return configurator;
    }
}
