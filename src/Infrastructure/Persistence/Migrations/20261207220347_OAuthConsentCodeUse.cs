using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OAuthConsentCodeUse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oauth_consent_code_uses",
                columns: table => new
                {
                    digest = table.Column<byte[]>(type: "bytea", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_oauth_consent_code_uses", x => x.digest);
                });

            migrationBuilder.CreateIndex(
                name: "ix_oauth_consent_code_uses_expires_at",
                table: "oauth_consent_code_uses",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oauth_consent_code_uses");
        }
    }
}
