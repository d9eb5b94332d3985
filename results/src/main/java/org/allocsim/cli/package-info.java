/** The {@code allocsim} command line (picocli): one class per subcommand. */
package org.allocsim.cli;
