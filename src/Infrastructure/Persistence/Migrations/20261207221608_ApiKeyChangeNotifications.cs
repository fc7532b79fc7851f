using AuthPlatform.Infrastructure.SessionCache;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// A change or deletion of an API key tells every instance's cache to drop it ("k:key id" on the session cache's
    /// channel; IApiKeyCache). Only keys that counted no uses before the change can be held in memory, so an update of
    /// a key that counts its uses (one per use of it) notifies nothing; a deletion always does.
    /// </summary>
    public partial class ApiKeyChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION notify_api_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{SessionChangeListener.Channel}', 'k:' || OLD.id);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER api_keys_notify_update AFTER UPDATE ON api_keys
                    FOR EACH ROW
                    WHEN (OLD.remaining IS NULL
                          AND NOT (OLD.rate_limit_enabled AND OLD.rate_limit_time_window IS NOT NULL AND OLD.rate_limit_max IS NOT NULL))
                    EXECUTE FUNCTION notify_api_key_change();

                CREATE TRIGGER api_keys_notify_delete AFTER DELETE ON api_keys
                    FOR EACH ROW EXECUTE FUNCTION notify_api_key_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS api_keys_notify_delete ON api_keys;
                DROP TRIGGER IF EXISTS api_keys_notify_update ON api_keys;
                DROP FUNCTION IF EXISTS notify_api_key_change();
                """);
        }
    }
}
