using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Infrastructure.Persistence.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace AuthPlatform.Infrastructure.Tests;

/// <summary>
/// The service runs on EF Core's compiled model (Persistence/CompiledModel, ADR 0136): built once by
/// `build/ef-model.sh` instead of at every start. These tests fail when an entity or its mapping changed and
/// the compiled model or the migrations were not regenerated, naming what differs. No database is needed.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_service_runs_on_the_compiled_model()
    {
        using var db = NewContext();
        Assert.Same(AuthDbContextModel.Instance, db.Model);
    }

    [Fact]
    public void The_compiled_model_maps_every_table_column_index_and_key_as_the_configurations_do()
    {
        using var db = NewContext();
        var expected = Tables(DesignTimeModel(db));
        var actual = Tables(db.Model);
        Assert.True(expected.SetEquals(actual),
            "The compiled model is stale; run build/ef-model.sh. Only in the configurations: "
            + string.Join(", ", expected.Except(actual)) + ". Only in the compiled model: " + string.Join(", ", actual.Except(expected)));
    }

    [Fact]
    public void The_compiled_model_has_every_entity_property_and_converter_of_the_configurations()
    {
        using var db = NewContext();
        var expected = Shape(DesignTimeModel(db));
        var actual = Shape(db.Model);
        Assert.True(expected.SetEquals(actual),
            "The compiled model is stale; run build/ef-model.sh. Only in the configurations: "
            + string.Join(", ", expected.Except(actual)) + ". Only in the compiled model: " + string.Join(", ", actual.Except(expected)));
    }

    [Fact]
    public void The_last_migration_leaves_no_model_change_behind()
    {
        using var db = NewContext();
        var snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model);
        var differences = db.GetService<IMigrationsModelDiffer>()
            .GetDifferences(snapshot.GetRelationalModel(), DesignTimeModel(db).GetRelationalModel());
        Assert.True(differences.Count == 0,
            "The model changed without a migration (dotnet ef migrations add <Name>): " + string.Join("; ", differences.Select(Describe)));
    }

    /// <summary>A context on a connection string that is never opened: the model needs no database.</summary>
    private static AuthDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContextSetup.Configure(options, "Host=127.0.0.1;Port=1;Username=model;Database=model");
        return new AuthDbContext(options.Options);
    }

    /// <summary>The model as the entity configurations build it (what migrations are made from).</summary>
    private static IModel DesignTimeModel(AuthDbContext db) => db.GetService<IDesignTimeModel>().Model;

    /// <summary>Every entity, property (CLR type, converter, nullability) and navigation, as text.</summary>
    private static HashSet<string> Shape(IModel model) =>
        model.GetEntityTypes().SelectMany(entity =>
            entity.GetProperties().Select(p =>
                    $"{entity.Name}.{p.Name}: {p.ClrType.Name}{(p.IsNullable ? "?" : "")} via {p.GetValueConverter()?.GetType().Name ?? "none"}")
                .Concat(entity.GetNavigations().Select(n => $"{entity.Name}.{n.Name} -> {n.TargetEntityType.Name}"))
                .Concat(entity.GetKeys().Select(k => $"{entity.Name} key ({string.Join(",", k.Properties.Select(p => p.Name))})")))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every table with its columns (store type, nullability), indexes, keys and foreign keys, as text.</summary>
    private static HashSet<string> Tables(IModel model) =>
        model.GetRelationalModel().Tables.SelectMany(table =>
            table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType}{(c.IsNullable ? " null" : "")}")
                .Concat(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"))
                .Concat(table.UniqueConstraints.Select(u => $"{table.Name} key {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})"))
                .Concat(table.ForeignKeyConstraints.Select(f => $"{table.Name} fk {f.Name} -> {f.PrincipalTable.Name} on delete {f.OnDeleteAction}")))
            .ToHashSet(StringComparer.Ordinal);

    private static string Describe(MigrationOperation operation) => operation switch
    {
        AddColumnOperation c => $"add column {c.Table}.{c.Name}",
        DropColumnOperation c => $"drop column {c.Table}.{c.Name}",
        AlterColumnOperation c => $"alter column {c.Table}.{c.Name}",
        CreateTableOperation t => $"create table {t.Name}",
        DropTableOperation t => $"drop table {t.Name}",
        CreateIndexOperation i => $"create index {i.Name} on {i.Table}",
        DropIndexOperation i => $"drop index {i.Name}",
        _ => operation.GetType().Name,
    };
}
