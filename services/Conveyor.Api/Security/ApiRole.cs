namespace Conveyor.Api.Security;

/// <summary>What a key may do: clients submit and manage their own jobs, executors claim and report work, admins do everything.</summary>
public enum ApiRole
{
    Client,
    Executor,
    Admin,
}
