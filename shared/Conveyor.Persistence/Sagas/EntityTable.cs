using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Conveyor.Persistence.Sagas;

/// <summary>An entity's table as the EF Core model maps it: the identifier its columns are named against, and its quoted name for SQL.</summary>
internal readonly record struct EntityTable(StoreObjectIdentifier Identifier, string Quoted)
{
    public static EntityTable Of(IEntityType entity)
    {
        var identifier = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return new EntityTable(identifier, entity.GetSchema() is { } schema ? $"\"{schema}\".\"{identifier.Name}\"" : $"\"{identifier.Name}\"");
    }
}
