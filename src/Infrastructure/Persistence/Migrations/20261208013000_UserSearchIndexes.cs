using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Trigram indexes for the admin API's user search (list-users: contains, starts_with, ends_with on the email or the
    /// name), so a search over millions of users reads an index instead of every row (docs/adr/0139). pg_trgm is a
    /// trusted extension: the database's owner may create it. On a large table the index build holds writes to users
    /// for its duration; an operator can build the same indexes beforehand with CREATE INDEX CONCURRENTLY under these
    /// names, and this migration then leaves them as they are.
    /// </summary>
    [DbContext(typeof(AuthDbContext))]
    [Migration("20261208013000_UserSearchIndexes")]
    public partial class UserSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX IF NOT EXISTS ix_users_email_trgm ON users USING gin (email gin_trgm_ops);
                CREATE INDEX IF NOT EXISTS ix_users_lower_name_trgm ON users USING gin (lower(name) gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_users_lower_name_trgm;
                DROP INDEX IF EXISTS ix_users_email_trgm;
                """);
        }
    }
}
