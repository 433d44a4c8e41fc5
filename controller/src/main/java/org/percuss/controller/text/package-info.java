/** How what a user typed or wrote is shown back in a message: on one line, at a readable length. */
package org.percuss.controller.text;
