using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuthPlatform.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SignInMethodsOnSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sign_in_method",
                table: "two_factor_challenges",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "password");

            migrationBuilder.AddColumn<string>(
                name: "authentication_methods",
                table: "sessions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sign_in_method",
                table: "two_factor_challenges");

            migrationBuilder.DropColumn(
                name: "authentication_methods",
                table: "sessions");
        }
    }
}
