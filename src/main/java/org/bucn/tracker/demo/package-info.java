/** Demo mode: the demo users, the Balkan target directory and the demo campaign. */
package org.bucn.tracker.demo;
