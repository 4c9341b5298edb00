using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Conveyor.Persistence.Sagas;

/// <summary>One column of an entity's table as the EF Core model maps it: its name, store type, and the value EF would write.</summary>
internal sealed record EntityColumn<T>(string Name, string DataType, PropertyInfo Property, ValueConverter? Converter) where T : class
{
    public static EntityColumn<T> Of(IProperty property, StoreObjectIdentifier table)
    {
        var mapping = property.GetRelationalTypeMapping();
        return new EntityColumn<T>(property.GetColumnName(table)!, mapping.StoreTypeNameBase,
            property.PropertyInfo ?? throw new NotSupportedException($"{property.Name} is not a CLR property"),
            property.GetValueConverter() ?? mapping.Converter);
    }

    /// <summary>The row's value in the provider's type (after the property's conversion), or null.</summary>
    public object? Value(T row)
    {
        var value = Property.GetValue(row);
        return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
    }
}
