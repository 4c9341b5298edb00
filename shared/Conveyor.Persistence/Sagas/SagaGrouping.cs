namespace Conveyor.Persistence.Sagas;

/// <summary>
/// The message types whose transitions may share a transaction with others arriving at the same time (see
/// <see cref="SagaGroupCommit{TSaga}"/>). Only messages for instances that exist belong here: a group never inserts.
/// </summary>
public sealed class SagaGrouping<TSaga>(params Type[] messageTypes)
{
    public IReadOnlyCollection<Type> MessageTypes => messageTypes;
}
