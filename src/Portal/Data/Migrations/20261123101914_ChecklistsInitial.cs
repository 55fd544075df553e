using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChecklistsInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedChecklists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentSlug = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    StateJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedChecklists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedChecklists_ExpiresAt",
                table: "SavedChecklists",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SavedChecklists_OwnerId_DocumentSlug",
                table: "SavedChecklists",
                columns: new[] { "OwnerId", "DocumentSlug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedChecklists");
        }
    }
}
