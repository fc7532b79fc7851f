using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MagicLinksAndEmailCodes : Migration
    {
        private static readonly string[] EmailKindAndCreatedAt = ["email", "kind", "created_at"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "error_callback_url",
                table: "mail_jobs",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "new_user_callback_url",
                table: "mail_jobs",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sign_up_name",
                table: "mail_jobs",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "mailed_secrets",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    digest = table.Column<byte[]>(type: "bytea", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consumed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mailed_secrets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mailed_secrets_digest",
                table: "mailed_secrets",
                column: "digest");

            migrationBuilder.CreateIndex(
                name: "ix_mailed_secrets_email_kind_created_at",
                table: "mailed_secrets",
                columns: EmailKindAndCreatedAt);

            migrationBuilder.CreateIndex(
                name: "ix_mailed_secrets_expires_at",
                table: "mailed_secrets",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mailed_secrets");

            migrationBuilder.DropColumn(
                name: "error_callback_url",
                table: "mail_jobs");

            migrationBuilder.DropColumn(
                name: "new_user_callback_url",
                table: "mail_jobs");

            migrationBuilder.DropColumn(
                name: "sign_up_name",
                table: "mail_jobs");
        }
    }
}
