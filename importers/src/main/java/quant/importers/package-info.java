/** File and API importers: readers, column mapping, validation. Depends on core only. */
package quant.importers;
