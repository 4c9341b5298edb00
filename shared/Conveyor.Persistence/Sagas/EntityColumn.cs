using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// One column of an entity's table as the EF Core model maps it: its name and store type, the value EF would write, the
/// value EF would read, and EF's own comparer for telling whether a property changed.
/// </summary>
internal sealed class EntityColumn<T> where T : class
{
    static readonly MethodInfo ReadTyped = typeof(EntityColumn<T>).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    readonly ValueConverter? converter;
    readonly Func<NpgsqlDataReader, int, object> read;

    EntityColumn(IProperty property, StoreObjectIdentifier table)
    {
        var mapping = property.GetRelationalTypeMapping();
        Name = property.GetColumnName(table)!;
        DataType = mapping.StoreTypeNameBase;
        Property = property.PropertyInfo ?? throw new NotSupportedException($"{property.Name} is not a CLR property");
        Comparer = property.GetValueComparer();
        converter = property.GetValueConverter() ?? mapping.Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        read = ReadTyped.MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored).CreateDelegate<Func<NpgsqlDataReader, int, object>>();
    }

    public string Name { get; }
    public string DataType { get; }
    public PropertyInfo Property { get; }
    public ValueComparer Comparer { get; }

    public static EntityColumn<T> Of(IProperty property, StoreObjectIdentifier table) => new(property, table);

    /// <summary>The row's value in the provider's type (after the property's conversion), or null.</summary>
    public object? Value(T row)
    {
        var value = Property.GetValue(row);
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    /// <summary>Sets the row's property from the reader's column, converted as EF converts it.</summary>
    public void Read(NpgsqlDataReader reader, int ordinal, T row)
    {
        if (reader.IsDBNull(ordinal))
            Property.SetValue(row, null); // as EF: null, or a value type's default, over whatever the constructor set
        else
            Property.SetValue(row, converter is null ? read(reader, ordinal) : converter.ConvertFromProvider(read(reader, ordinal)));
    }

    static object ReadAs<TStored>(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<TStored>(ordinal)!;
}
