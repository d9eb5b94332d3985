/** Reports: plain-text tables fit to paste into a mailing-list reply. */
package org.allocsim.report;
