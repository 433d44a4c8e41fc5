/**
 * The files percuss reads and writes, and the one set of rules for them: an output is a new path
 * in an existing directory or an existing regular file, never anything else, and nothing is ever
 * deleted; an input is a regular file read with a size limit; a file that cannot be used is one
 * line naming the option, the path and what is there.
 */
package org.percuss.controller.files;
