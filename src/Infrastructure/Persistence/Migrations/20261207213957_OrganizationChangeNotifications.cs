using AuthPlatform.Infrastructure.SessionCache;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// A change of an organization or of one of its roles tells every instance's membership cache to drop that
    /// organization's memberships ("o:organization id" on the session cache's channel; docs/adr/0133). Member rows
    /// already notify "u:user id" (migration Organizations).
    /// </summary>
    public partial class OrganizationChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION notify_organization_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        PERFORM pg_notify('{SessionChangeListener.Channel}', 'o:' || OLD.id);
                    ELSE
                        PERFORM pg_notify('{SessionChangeListener.Channel}', 'o:' || NEW.id);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION notify_organization_role_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        PERFORM pg_notify('{SessionChangeListener.Channel}', 'o:' || OLD.organization_id);
                    ELSE
                        PERFORM pg_notify('{SessionChangeListener.Channel}', 'o:' || NEW.organization_id);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER organizations_notify_change AFTER UPDATE OR DELETE ON organizations
                    FOR EACH ROW EXECUTE FUNCTION notify_organization_change();

                CREATE TRIGGER organization_roles_notify_change AFTER INSERT OR UPDATE OR DELETE ON organization_roles
                    FOR EACH ROW EXECUTE FUNCTION notify_organization_role_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS organization_roles_notify_change ON organization_roles;
                DROP TRIGGER IF EXISTS organizations_notify_change ON organizations;
                DROP FUNCTION IF EXISTS notify_organization_role_change();
                DROP FUNCTION IF EXISTS notify_organization_change();
                """);
        }
    }
}
