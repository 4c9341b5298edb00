using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conveyor.Persistence.Migrations
{
    /// <summary>
    /// Notifies channel <c>webhook_subscriptions_changed</c> in the transaction of every change to the subscriptions, so
    /// that notifications, which keeps them in memory while it listens, forgets the old set when the change commits.
    /// </summary>
    public partial class NotifySubscriptionChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_webhook_subscriptions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('webhook_subscriptions_changed', '');
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER webhook_subscriptions_changed
                    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON webhook_subscriptions
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_webhook_subscriptions_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER webhook_subscriptions_changed ON webhook_subscriptions;
                DROP FUNCTION notify_webhook_subscriptions_changed();
                """);
        }
    }
}
