using AuthPlatform.Infrastructure.SessionCache;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Every update or delete of a session or a user row notifies the session caches, in the writing
    /// transaction itself (a NOTIFY is delivered at commit, and only then), whichever code path or tool wrote
    /// it: handlers, operator commands, the importer, a later feature, or SQL by hand. The payload holds ids
    /// only. Inserts notify nothing: a new row is in no cache. See docs/adr/0095-coherent-session-cache.md.
    /// </summary>
    [DbContext(typeof(AuthDbContext))]
    [Migration("20261201050000_SessionChangeNotifications")]
    public partial class SessionChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{SessionChangeListener.Channel}', 's:' || OLD.id || ':' || OLD.user_id);
                    RETURN NULL;
                END $$;

                CREATE FUNCTION notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{SessionChangeListener.Channel}', 'u:' || OLD.id);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER sessions_notify_change AFTER UPDATE OR DELETE ON sessions
                    FOR EACH ROW EXECUTE FUNCTION notify_session_change();

                CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users
                    FOR EACH ROW EXECUTE FUNCTION notify_user_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS users_notify_change ON users;
                DROP TRIGGER IF EXISTS sessions_notify_change ON sessions;
                DROP FUNCTION IF EXISTS notify_user_change();
                DROP FUNCTION IF EXISTS notify_session_change();
                """);
        }
    }
}
