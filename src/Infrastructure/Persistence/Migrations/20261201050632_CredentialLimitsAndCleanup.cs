using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CredentialLimitsAndCleanup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "request_limit_windows",
                columns: table => new
                {
                    key_digest = table.Column<byte[]>(type: "bytea", nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    hits = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_limit_windows", x => x.key_digest);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_revoked_at",
                table: "sessions",
                column: "revoked_at",
                filter: "revoked_at is not null");

            migrationBuilder.CreateIndex(
                name: "ix_request_limit_windows_window_start",
                table: "request_limit_windows",
                column: "window_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_limit_windows");

            migrationBuilder.DropIndex(
                name: "ix_sessions_revoked_at",
                table: "sessions");
        }
    }
}
