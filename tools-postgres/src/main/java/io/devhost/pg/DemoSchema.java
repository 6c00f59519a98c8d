package io.devhost.pg;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code --demo} data: a small online shop (customers, products, orders, order items) with
 * foreign keys, indexes, a view and comments, and a few tens of thousands of rows generated in SQL
 * from fixed formulas, so every run holds the same data.
 */
final class DemoSchema {

  private DemoSchema() {}

  static void loadIfMissing(Connection connection) throws SQLException, IOException {
    try (Statement s = connection.createStatement()) {
      try (var rs = s.executeQuery("SELECT to_regclass('public.order_items') IS NOT NULL")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
      }
      connection.setAutoCommit(false);
      s.execute(EmbeddedServer.resource("demo-shop.sql"));
      connection.commit();
      connection.setAutoCommit(true);
      s.execute("ANALYZE");
    }
  }
}
