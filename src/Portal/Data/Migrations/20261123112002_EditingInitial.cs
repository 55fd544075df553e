using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditingInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DiskText = table.Column<string>(type: "TEXT", nullable: false),
                    DiskHash = table.Column<string>(type: "TEXT", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentConflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromSlug = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ToSlug = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentRedirects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OwnerMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OwnerKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromEmail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingFileWrites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: true),
                    ExpectedDiskHash = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingFileWrites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PendingFileWrites_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PreviousReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OwnerKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentReminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentConflicts_DocumentId_ResolvedAt",
                table: "ContentConflicts",
                columns: new[] { "DocumentId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRedirects_FromSlug",
                table: "DocumentRedirects",
                column: "FromSlug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnerMessages_OwnerKey_HandledAt",
                table: "OwnerMessages",
                columns: new[] { "OwnerKey", "HandledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingFileWrites_DocumentId",
                table: "PendingFileWrites",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Slug",
                table: "Reviews",
                column: "Slug");

            migrationBuilder.CreateIndex(
                name: "IX_SentReminders_Slug_Stage_ReviewDate",
                table: "SentReminders",
                columns: new[] { "Slug", "Stage", "ReviewDate" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentConflicts");

            migrationBuilder.DropTable(
                name: "DocumentRedirects");

            migrationBuilder.DropTable(
                name: "OwnerMessages");

            migrationBuilder.DropTable(
                name: "PendingFileWrites");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "SentReminders");
        }
    }
}
