using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    config_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    start = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    prefix = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    key_digest = table.Column<byte[]>(type: "bytea", nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    remaining = table.Column<int>(type: "integer", nullable: true),
                    refill_amount = table.Column<int>(type: "integer", nullable: true),
                    refill_interval = table.Column<TimeSpan>(type: "interval", nullable: true),
                    last_refill_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rate_limit_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    rate_limit_time_window = table.Column<TimeSpan>(type: "interval", nullable: true),
                    rate_limit_max = table.Column<int>(type: "integer", nullable: true),
                    request_count = table.Column<int>(type: "integer", nullable: false),
                    last_request = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    permissions = table.Column<string>(type: "jsonb", nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_key_digest",
                table: "api_keys",
                column: "key_digest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_user_id",
                table: "api_keys",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");
        }
    }
}
