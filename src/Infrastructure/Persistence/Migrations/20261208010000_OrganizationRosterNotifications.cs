using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Members and invitations also announce their organization ("o:organization id"), so the roster that
    /// get-full-organization answers from memory (members with their users, invitations; docs/adr/0133) is dropped on
    /// every instance when one joins, changes, leaves, or is invited. Member rows keep announcing their user ("u:").
    /// The function that organization_roles already use announces any row's organization_id; it is renamed to say so.
    /// </summary>
    [DbContext(typeof(AuthDbContext))]
    [Migration("20261208010000_OrganizationRosterNotifications")]
    public partial class OrganizationRosterNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER FUNCTION notify_organization_role_change() RENAME TO notify_organization_row_change;

                CREATE TRIGGER members_notify_organization AFTER INSERT OR UPDATE OR DELETE ON members
                    FOR EACH ROW EXECUTE FUNCTION notify_organization_row_change();

                CREATE TRIGGER invitations_notify_organization AFTER INSERT OR UPDATE OR DELETE ON invitations
                    FOR EACH ROW EXECUTE FUNCTION notify_organization_row_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS invitations_notify_organization ON invitations;
                DROP TRIGGER IF EXISTS members_notify_organization ON members;
                ALTER FUNCTION notify_organization_row_change() RENAME TO notify_organization_role_change;
                """);
        }
    }
}
